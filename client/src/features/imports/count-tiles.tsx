// The figures of an import's report as tiles: rows read, added, changed, rejected…
import { useLocale } from '../../i18n/use-locale';
import { formatNumber } from '../../lib/format';

export function CountTiles({ items }: { items: readonly (readonly [string, number])[] }) {
  const locale = useLocale();
  return (
    <dl className="tiles import-counts">
      {items.map(([label, value]) => (
        <div key={label} className="tile">
          <dt>{label}</dt>
          <dd className="tile-value">{formatNumber(value, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
