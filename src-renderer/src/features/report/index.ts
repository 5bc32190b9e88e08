export { ExportDone, ReportPanel } from './ReportPanel';
