/**
 * 病案统计: cases archived per month, QC grades, the commonest defects, how long visits have waited
 * in the queue, loans and overdue loans, copies by applicant kind. Counts only, of the cases the
 * user may see (sealed ones are left out for users without `archive.seal`, not even counted).
 * Loans and copies are read from the lending and copy desks' figures when those are present.
 */
import ExcelJS from 'exceljs';
import type { StatsChart, StatsView } from '../../../shared/api/archive';
import { QC_DEFECTS, type QcDefectCode } from '../../../shared/docs/qc';
import type { SealVisibility } from '../../../db/queries/archive-visibility';
import type { ClinicData } from '../clinic-data';
import { archiveQueue } from './qc';

/** Figures another desk adds to the statistics (lending, copies); empty until it is there. */
export interface DeskFigures {
  loans(visibility: SealVisibility): StatsView['loans'];
  copies(visibility: SealVisibility): StatsView['copies'];
}
export const NO_DESK_FIGURES: DeskFigures = { loans: () => [], copies: () => [] };

const QUEUE_BUCKETS: ReadonlyArray<{ label: string; upTo: number }> = [
  { label: '1 天内', upTo: 1 },
  { label: '2–3 天', upTo: 3 },
  { label: '4–7 天', upTo: 7 },
  { label: '8–30 天', upTo: 30 },
  { label: '30 天以上', upTo: Number.POSITIVE_INFINITY },
];

export function recordRoomStats(data: ClinicData, visibility: SealVisibility, desks: DeskFigures, now = new Date()): StatsView {
  const defectCounts = new Map<string, number>();
  for (const list of data.archive.defectCodeLists()) for (const code of list.split(' ')) defectCounts.set(code, (defectCounts.get(code) ?? 0) + 1);
  const waiting = archiveQueue(data, now).entries.map((e) => e.waitingDays);
  return {
    archivedPerMonth: data.archive.archivedPerMonth(visibility),
    grades: data.archive.gradeCounts(visibility),
    defects: [...defectCounts]
      .map(([code, count]) => ({ code, label: QC_DEFECTS[code as QcDefectCode] ?? code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, 10),
    queueAge: QUEUE_BUCKETS.map((bucket, i) => ({
      bucket: bucket.label,
      visits: waiting.filter((days) => days <= bucket.upTo && (i === 0 || days > QUEUE_BUCKETS[i - 1].upTo)).length,
    })),
    loans: desks.loans(visibility),
    copies: desks.copies(visibility),
  };
}

/** Each chart's table: its title, the column headers, and the rows. */
export function statsTable(stats: StatsView, chart: StatsChart): { title: string; headers: [string, string]; rows: Array<[string, number]> } {
  switch (chart) {
    case 'archivedPerMonth':
      return { title: '每月归档病案数', headers: ['月份', '归档病案数'], rows: stats.archivedPerMonth.map((r) => [r.month, r.cases]) };
    case 'grades':
      return { title: '质控等级', headers: ['等级', '病案数'], rows: stats.grades.map((r) => [r.grade, r.cases]) };
    case 'defects':
      return { title: '常见缺陷', headers: ['缺陷', '次数'], rows: stats.defects.map((r) => [r.label, r.count]) };
    case 'queueAge':
      return { title: '归档队列等待时间', headers: ['已等待', '就诊数'], rows: stats.queueAge.map((r) => [r.bucket, r.visits]) };
    case 'loans':
      return { title: '借阅与逾期', headers: ['项目', '数量'], rows: stats.loans.map((r) => [r.label, r.count]) };
    case 'copies':
      return { title: '按申请人类别的复印', headers: ['申请人类别', '份数'], rows: stats.copies.map((r) => [r.kind, r.count]) };
  }
}

export async function statsXlsx(stats: StatsView, chart: StatsChart, now = new Date()) {
  const table = statsTable(stats, chart);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.title);
  sheet.columns = [
    { header: table.headers[0], key: 'name', width: 24 },
    { header: table.headers[1], key: 'value', width: 14 },
  ];
  for (const [name, value] of table.rows) sheet.addRow({ name, value });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return {
    fileName: `${table.title}-${now.toISOString().slice(0, 10)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    rows: table.rows.length,
  };
}
