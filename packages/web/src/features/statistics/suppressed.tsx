import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

// A figure the statistics suppress (a count of 1 to 4 people, or what is computed from so few;
// the row's `suppressed` list names it) reads "<5" with the reason as its title, never as 0 or as
// an unknown value.

/** The mark of a suppressed figure. */
export function SuppressedMark() {
  const { t } = useI18n();
  const why = t('problem.statistics.suppressed');
  return (
    <abbr title={why} data-testid="suppressed">
      &lt;5
    </abbr>
  );
}

/** `text` for a figure of `row`, or the suppressed mark when the row names `field` suppressed. */
export function figureOf(
  row: { suppressed: readonly string[] },
  field: string,
  text: string,
): ReactNode {
  return row.suppressed.includes(field) ? <SuppressedMark /> : text;
}
