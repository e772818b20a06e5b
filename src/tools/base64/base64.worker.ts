// Runs a conversion off the main thread for large inputs, posting progress between chunks.
import type { Result } from '../../lib/result.ts';
import { convert, type ConvertErrorCode, type Converted, type ConvertRequest } from './convert.ts';
import { errorMessage } from '../../lib/error-message.ts';

export interface WorkerRequest {
  readonly mode: ConvertRequest['mode'];
  readonly format: ConvertRequest['format'];
  readonly options: ConvertRequest['options'];
  /** A file is read here, in the worker, so the main thread never holds its bytes twice. */
  readonly source: string | Blob;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: Result<Converted, ConvertErrorCode> }
  | { readonly type: 'failed'; readonly message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void run(event.data);
};

async function run({ mode, format, options, source }: WorkerRequest): Promise<void> {
  try {
    const input =
      typeof source === 'string'
        ? ({ kind: 'text', text: source } as const)
        : ({ kind: 'bytes', bytes: new Uint8Array(await source.arrayBuffer()) } as const);
    const result = convert({ mode, format, options, input }, (done, total) => {
      scope.postMessage({ type: 'progress', done, total });
    });
    const transfer = result.ok && result.value.mode === 'decode' ? [result.value.bytes.buffer] : [];
    scope.postMessage({ type: 'done', result }, transfer);
  } catch (error) {
    // Only an engine limit gets here (out of memory, string too long): say so, do not die silently.
    scope.postMessage({
      type: 'failed',
      message: errorMessage(error),
    });
  }
}
