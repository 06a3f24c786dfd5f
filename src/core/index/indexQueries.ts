import type { WorkspaceIndex } from './workspaceIndex';

/**
 * What readers of the index may ask: language features, reports, views. Updates (set, delete,
 * clear, severities, structure settings) belong to whoever keeps the index current: a scan or the live engine.
 */
export type IndexQueries = Omit<WorkspaceIndex, 'set' | 'delete' | 'clear' | 'setFileFindings' | 'setSeverities' | 'setStructureSettings' | 'setReviewPolicy' | 'onDidChange'>;
