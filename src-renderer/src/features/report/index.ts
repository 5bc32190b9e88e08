export { ExportDone, ReportPanel } from './ReportPanel';
export { ReportFreshness } from './ReportFreshness';
