import { join } from 'node:path'

/**
 * The reports cucumber writes for each domain's channel, under `<reports>/<domain>/<channel>/`: file name →
 * cucumber formatter.
 *
 * @example
 *   channelReportFormats['junit.xml'] // 'junit'
 *   join('reports', 'settlement', 'ui', 'messages.ndjson') // one of them
 */
export const channelReportFormats = {
  'messages.ndjson': 'message',
  'report.html': 'html',
  'junit.xml': 'junit',
} as const

/**
 * cucumber's `format` entries for one domain's channel's reports: its own
 * message, html and junit formatters, each to a file under
 * `<reportsDir>/<domain>/<channel>/` (`run` is the channel plan's id, `domain/channel`).
 *
 * @example
 *   channelReportFiles('/work/shop/reports', 'shop/ui')
 *   // [['message', '/work/shop/reports/shop/ui/messages.ndjson'], ['html', …/report.html], ['junit', …/junit.xml]]
 */
export function channelReportFiles(reportsDir: string, run: string): [formatter: string, file: string][] {
  return Object.entries(channelReportFormats).map(([file, formatter]) => [formatter, join(reportsDir, run, file)])
}
