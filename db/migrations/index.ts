// Migrations in order. Listed here rather than read from the folder so they work the same under tsx,
// vitest and a bundled server. To add one: create NNNN_name.ts with up/down and append it below.
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_login_attempts';
import * as m0003 from './0003_dhis2_mapping';
import * as m0004 from './0004_return_notes';
import * as m0005 from './0005_value_cells';
import * as m0006 from './0006_data_generation';
import * as m0007 from './0007_target_unit_index';
import * as m0008 from './0008_value_cell_approval';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_login_attempts': m0002,
  '0003_dhis2_mapping': m0003,
  '0004_return_notes': m0004,
  '0005_value_cells': m0005,
  '0006_data_generation': m0006,
  '0007_target_unit_index': m0007,
  '0008_value_cell_approval': m0008,
};
