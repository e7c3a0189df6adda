import PDFDocument from 'pdfkit';
import {
  MESSAGES,
  reportYears,
  type RegionReport,
  type ReportLanguage,
  type ReportMonthSuppressible,
} from '@palliamonitor/contracts';
import { reportText, type ReportText } from './report-text';

// The report drawn as a PDF with PDFKit (no browser on the server). PDFKit's built-in Helvetica
// covers the Dutch letters; the layout is a single column of headings, lines and simple tables
// that break across pages, so any region's report fits however many facilities it has.

const MARGIN = 50;
const ROW = 15;
/** A national report lists the stalest facilities, not all of them. */
const MAX_HOSPICES = 40;

type Doc = PDFKit.PDFDocument;

interface Formats {
  readonly language: ReportLanguage;
  readonly text: ReportText;
  readonly int: (n: number) => string;
  readonly dec: (n: number) => string;
  readonly pct: (n: number | null) => string;
  readonly date: (iso: string) => string;
  readonly dateTime: (iso: string | null) => string;
}

function formatsOf(language: ReportLanguage): Formats {
  const text = reportText(language);
  const int = new Intl.NumberFormat(text.locale, { maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(text.locale, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(text.locale, { style: 'percent', maximumFractionDigits: 0 });
  const zone = { timeZone: 'Europe/Amsterdam' } as const;
  const day = new Intl.DateTimeFormat(text.locale, { ...zone, dateStyle: 'long' });
  const moment = new Intl.DateTimeFormat(text.locale, {
    ...zone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return {
    language,
    text,
    int: (n) => int.format(n),
    dec: (n) => dec.format(n),
    pct: (n) => (n === null ? '–' : pct.format(n)),
    // A date alone is a Dutch calendar day: noon keeps it on that day in any zone.
    date: (iso) => day.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)),
    dateTime: (iso) => (iso === null ? text.never : moment.format(new Date(iso))),
  };
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN;
}

function heading(doc: Doc, title: string): void {
  if (doc.y > bottom(doc) - 4 * ROW) {
    doc.addPage();
  }
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1a1a1a');
  doc.text(title, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
}

function line(doc: Doc, text: string): void {
  doc.font('Helvetica').fontSize(10).fillColor('#1a1a1a');
  doc.text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
}

/** A table with fixed relative column widths; the header repeats on a new page. */
function table(doc: Doc, columns: readonly string[], widths: readonly number[], rows: string[][]) {
  const total = widths.reduce((s, w) => s + w, 0);
  const usable = doc.page.width - 2 * MARGIN;
  const xs = widths.map(
    (_, i) => MARGIN + (usable * widths.slice(0, i).reduce((s, w) => s + w, 0)) / total,
  );
  const ws = widths.map((w) => (usable * w) / total - 4);
  const draw = (cells: readonly string[], bold: boolean) => {
    if (doc.y + ROW > bottom(doc)) {
      doc.addPage();
      if (!bold) {
        draw(columns, true);
      }
    }
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor('#1a1a1a');
    cells.forEach((cell, i) => {
      doc.text(cell, xs[i]!, y, { width: ws[i]!, lineBreak: false, ellipsis: true });
    });
    doc.y = y + ROW;
    if (bold) {
      doc
        .moveTo(MARGIN, doc.y - 3)
        .lineTo(MARGIN + usable, doc.y - 3)
        .strokeColor('#888')
        .stroke();
    }
  };
  draw(columns, true);
  rows.forEach((r) => draw(r, false));
  doc.x = MARGIN;
}

function capacitySection(doc: Doc, report: RegionReport, f: Formats): void {
  const c = report.capacity;
  heading(doc, f.text.capacity);
  line(doc, `${f.text.facilities}: ${f.int(c.facilities)}`);
  line(doc, `${f.text.licensedBeds}: ${f.int(c.licensedBeds)}`);
  line(doc, f.text.freshFacilities(c.freshFacilities, c.facilities));
  line(doc, f.text.bedsOpenFree(c.bedsOpen, c.bedsFree));
  if (c.syntheticFacilities > 0) {
    line(doc, f.text.synthetic(c.syntheticFacilities));
  }
}

function monthsSection(doc: Doc, report: RegionReport, f: Formats): void {
  heading(doc, f.text.months);
  if (report.months.length === 0) {
    line(doc, f.text.noMonths);
    return;
  }
  table(
    doc,
    f.text.monthColumns,
    [1.1, 1, 1, 1, 1.3, 1.2],
    report.months.map((m) => {
      // A suppressed figure reads "<5" (as on the page), never as unknown or as 0.
      const cell = (field: ReportMonthSuppressible, text: () => string) =>
        m.suppressed?.includes(field) ? '<5' : text();
      const count = (n: number | null) => (n === null ? '–' : f.int(n));
      return [
        m.period,
        cell('occupancy', () => f.pct(m.occupancy)),
        cell('admissions', () => count(m.admissions)),
        cell('refusals', () => count(m.refusals)),
        cell('waitingListEnd', () => count(m.waitingListEnd)),
        f.pct(m.freshDataShare),
      ];
    }),
  );
  if (report.months.some((m) => (m.suppressed ?? []).length > 0)) {
    line(doc, `<5: ${MESSAGES['statistics.suppressed'][f.language]}`);
  }
}

function forecastSection(doc: Doc, report: RegionReport, f: Formats): void {
  heading(doc, f.text.forecast(report.forecast.scenario.name));
  const rows = reportYears(report).flatMap((year) => {
    const y = report.forecast.years.find((r) => r.year === year);
    const band = report.plan.years.find((p) => p.year === year)?.bedsNeeded;
    if (!y) {
      return [];
    }
    return [
      [
        String(year),
        f.int(y.currentBeds),
        f.dec(y.bedsNeededErlang),
        band ? `${f.dec(band.p10)}–${f.dec(band.p90)}` : '–',
        f.dec(y.bedsNeededNorm),
        f.dec(-y.gap),
      ],
    ];
  });
  table(doc, f.text.forecastColumns, [0.8, 1.1, 1.2, 1.3, 1.1, 1], rows);
  const n = report.norm;
  heading(doc, f.text.norm);
  line(doc, f.text.normLine(n.year, f.pct(n.target), f.dec(n.bedsNeededErlang)));
  line(doc, f.text.normNormLine(f.pct(n.occupancyNorm), f.dec(n.bedsNeededNorm)));
  line(doc, f.text.normCurrent(f.int(n.currentBeds)));
}

function planSection(doc: Doc, report: RegionReport, f: Formats): void {
  const p = report.plan;
  heading(doc, f.text.plan);
  if (p.summedOverRegions) {
    line(doc, f.text.planSummed(p.version));
  } else if (p.version === 0) {
    line(doc, f.text.planNone);
  } else {
    line(doc, f.text.planVersion(p.version, f.dateTime(p.savedAt)));
  }
  doc.moveDown(0.3);
  const rows = reportYears(report).flatMap((year) => {
    const y = p.years.find((r) => r.year === year);
    return y
      ? [
          [
            String(year),
            f.int(y.currentBeds),
            f.int(y.plannedBeds),
            f.int(y.agreedBeds),
            y.targetBeds === null ? '–' : f.int(y.targetBeds),
            `${f.dec(y.bedsNeeded.p50)} (${f.dec(y.bedsNeeded.p10)}–${f.dec(y.bedsNeeded.p90)})`,
            y.verdict === null ? '–' : f.text.verdict[y.verdict],
          ],
        ]
      : [];
  });
  table(doc, f.text.planColumns, [0.7, 0.7, 0.9, 1, 0.7, 1.8, 1], rows);
}

function completenessSection(doc: Doc, report: RegionReport, f: Formats): void {
  heading(doc, f.text.completeness);
  const s = report.completeness.summary;
  line(
    doc,
    f.text.completenessSummary({
      share28: f.pct(s.last28DaysShare),
      shareMonth: f.pct(s.lastMonthShare),
      behind: f.int(s.behind),
      facilities: f.int(report.completeness.hospices.length),
      figuresIn: f.int(s.monthlyFiguresIn),
      onTime: f.int(s.monthlyFiguresOnTime),
    }),
  );
  line(doc, f.text.completenessLead(report.completeness.freshnessHours));
  doc.moveDown(0.3);
  // Oldest first (never confirmed before all): who is behind is what a reader looks for.
  const sorted = [...report.completeness.hospices].sort(
    (a, b) => (b.ageHours ?? Infinity) - (a.ageHours ?? Infinity) || a.name.localeCompare(b.name),
  );
  const shown = sorted.slice(0, MAX_HOSPICES);
  table(
    doc,
    f.text.completenessColumns,
    [2.6, 0.6, 1.5, 0.9, 0.8],
    shown.map((h) => [
      h.name,
      f.int(h.licensedBeds),
      f.dateTime(h.confirmedAt),
      h.ageHours === null ? '–' : f.int(h.ageHours),
      h.freshness === 'fresh' ? f.text.fresh : f.text.unknown,
    ]),
  );
  if (sorted.length > shown.length) {
    line(doc, f.text.more(sorted.length - shown.length));
  }
}

function sourcesSection(doc: Doc, report: RegionReport, f: Formats): void {
  heading(doc, f.text.sources);
  doc.fontSize(8.5);
  for (const s of report.sources) {
    const value = typeof s.value === 'number' ? f.dec(s.value) : s.value;
    doc
      .font('Helvetica-Bold')
      .text(`${s.name} `, MARGIN, doc.y, { continued: true, width: doc.page.width - 2 * MARGIN })
      .font('Helvetica')
      .text(`(${f.text.provenance[s.provenance]}): ${value}. ${f.text.source}: ${s.source}`);
    doc.moveDown(0.2);
  }
}

function pageNumbers(doc: Doc, f: Formats): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the bottom margin must not start a new page.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#555');
    doc.text(f.text.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 15, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = keep;
  }
}

/** The report as PDF bytes, in the reader's language. */
export function renderReportPdf(report: RegionReport, language: ReportLanguage): Promise<Buffer> {
  const f = formatsOf(language);
  const title = f.text.title(report.name, f.date(report.asOf));
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    displayTitle: true,
    info: { Title: title, Author: 'Palliamonitor', CreationDate: new Date(report.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1a1a1a').text(title);
  doc.font('Helvetica').fontSize(9).fillColor('#555');
  doc.text(f.text.subtitle(f.date(report.asOf), f.dateTime(report.generatedAt)));
  capacitySection(doc, report, f);
  monthsSection(doc, report, f);
  forecastSection(doc, report, f);
  planSection(doc, report, f);
  completenessSection(doc, report, f);
  sourcesSection(doc, report, f);
  pageNumbers(doc, f);
  doc.end();
  return done;
}
