import type { ParseInput } from '../core/api';

export type WorkerRequest =
  | { readonly op: 'parse'; readonly input: ParseInput; readonly idPattern: string; readonly maxFileSize: number }
  | { readonly op: 'chunks'; readonly texts: readonly string[]; readonly idPattern: string };
