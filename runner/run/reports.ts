import { join } from 'node:path'

/**
 * The reports cucumber writes for each channel, under `<reports>/<channel>/`: file name → cucumber formatter.
 *
 * @example
 *   channelReportFormats['junit.xml'] // 'junit'
 *   join('reports', 'ui', 'messages.ndjson') // one of them
 */
export const channelReportFormats = {
  'messages.ndjson': 'message',
  'report.html': 'html',
  'junit.xml': 'junit',
} as const

/**
 * cucumber's `format` entries for one channel's reports: its own message,
 * html and junit formatters, each to a file under `<reportsDir>/<channel>/`.
 *
 * @example
 *   channelReportFiles('/work/shop/reports', 'ui')
 *   // [['message', '/work/shop/reports/ui/messages.ndjson'], ['html', …/report.html], ['junit', …/junit.xml]]
 */
export function channelReportFiles(reportsDir: string, channel: string): [formatter: string, file: string][] {
  return Object.entries(channelReportFormats).map(([file, formatter]) => [formatter, join(reportsDir, channel, file)])
}
