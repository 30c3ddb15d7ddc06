// Types translation keys from the English texts of every part, so a missing or misspelt key fails
// `tsc`. Which part a page may use is checked by i18n/parts.test.ts.
import 'i18next';
import type admin from './texts/admin/en.json';
import type core from './texts/core/en.json';
import type dashboards from './texts/dashboards/en.json';
import type exports from './texts/exports/en.json';
import type imports from './texts/imports/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof core & typeof dashboards & typeof admin & typeof imports & typeof exports };
    returnNull: false;
  }
}
