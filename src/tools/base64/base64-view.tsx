// The Base64 tool: wires input, options and the conversion hook to the shared fields.
import { useCallback, useEffect, useId, useMemo, useState, type DragEvent } from 'react';
import { Alert, Note } from '../../components/alert.tsx';
import { Checkbox } from '../../components/checkbox.tsx';
import { SelectField, type SelectChoice } from '../../components/select-field.tsx';
import { TextAreaField } from '../../components/text-field.tsx';
import { formatByteSize } from '../../lib/byte-size.ts';
import { encodeBase64 } from '../../lib/encoding/base64.ts';
import { formatHexDump } from '../../lib/encoding/hex-dump.ts';
import { downloadFile } from '../../lib/download.ts';
import { BASE64_META } from './base64.meta.ts';
import {
  createDataUrl,
  type Converted,
  type EncodeOptions,
  type Format,
  type Mode,
} from './convert.ts';
import { useConversion } from './use-conversion.ts';

/** How much output a textarea is given: 64 KiB paints in ~40 ms, megabytes take seconds. */
const PREVIEW_CHARS = 64 * 1024;
/** A hex dump row shows 16 bytes in ~78 characters; this many bytes stay under the preview size. */
const PREVIEW_DUMP_BYTES = 12 * 1024;
/** Data URLs of files above this are built on request (a button), not on every change. */
const INLINE_DATA_URL_BYTES = 1_048_576;

const FORMATS: readonly SelectChoice<Format>[] = [
  { value: 'base64', label: 'Base64' },
  { value: 'hex', label: 'Hex (Base16)' },
];

export function Base64View() {
  const [mode, setMode] = useState<Mode>('encode');
  const [format, setFormat] = useState<Format>('base64');
  const [urlSafe, setUrlSafe] = useState(false);
  const [padding, setPadding] = useState(true);
  const [wrap, setWrap] = useState(false);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fileInputKey, setFileInputKey] = useState(0);
  const errorId = useId();

  const options = useMemo<EncodeOptions>(
    () => ({ urlSafe, padding, wrap }),
    [urlSafe, padding, wrap],
  );
  const state = useConversion({ mode, format, options, source: file ?? text });

  const chooseFile = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setText('');
  };
  const clearInput = () => {
    setFile(null);
    setText('');
    setFileInputKey((key) => key + 1);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    chooseFile(event.dataTransfer.files[0]);
  };

  const result = state.status === 'done' ? state.result : null;
  const converted = result?.ok ? result.value : null;
  const error = result && !result.ok ? result.error : null;

  // What the Output field shows, and what Copy, Download and Swap take.
  const output = useMemo(() => {
    if (!converted) return null;
    if (converted.mode === 'encode') {
      const { pieces } = converted;
      return { shown: previewPieces(pieces), full: () => pieces.join(''), binary: false };
    }
    const { text: decodedText } = converted;
    if (decodedText !== null) {
      return { shown: previewPieces([decodedText]), full: () => decodedText, binary: false };
    }
    const dump = formatHexDump(converted.bytes, PREVIEW_DUMP_BYTES);
    return { shown: dump, full: () => dump, binary: true };
  }, [converted]);

  const baseName = file
    ? file.name.replace(/\.(b64|base64|hex|txt)$/i, '')
    : mode === 'encode'
      ? 'encoded'
      : 'decoded';
  const download = () => {
    if (!converted) return;
    if (converted.mode === 'encode') {
      const name = `${baseName}.${format === 'hex' ? 'hex' : 'b64'}.txt`;
      downloadFile(converted.pieces, name, 'text/plain');
    } else {
      const type = converted.dataUrlType ?? 'application/octet-stream';
      downloadFile([converted.bytes], file ? baseName : `${baseName}.bin`, type);
    }
  };

  const swap = () => {
    if (!converted) return;
    setMode(mode === 'encode' ? 'decode' : 'encode');
    setFileInputKey((key) => key + 1);
    if (converted.mode === 'decode' && converted.text === null) {
      // Binary output cannot become text: keep it, byte for byte, as a file input.
      setFile(new File([converted.bytes], `${baseName}.bin`, { type: 'application/octet-stream' }));
      setText('');
    } else {
      setFile(null);
      setText(converted.mode === 'encode' ? converted.pieces.join('') : (converted.text ?? ''));
    }
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{BASE64_META.title}</h1>
        <p className="text-muted">{BASE64_META.summary}</p>
      </div>

      <div className="card flex flex-wrap items-end gap-x-8 gap-y-4">
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-semibold">Mode</legend>
          <div role="radiogroup" aria-label="Mode" className="flex gap-4">
            {(['encode', 'decode'] as const).map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="base64-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => {
                    setMode(value);
                  }}
                />
                {value === 'encode' ? 'Encode' : 'Decode'}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField label="Format" value={format} choices={FORMATS} onChange={setFormat} />
        <fieldset className="flex flex-col gap-1" disabled={format === 'hex'}>
          <legend className="text-sm font-semibold">Encoding options</legend>
          <div className="flex flex-wrap gap-4">
            <Checkbox label="URL-safe" checked={urlSafe} onChange={setUrlSafe} />
            <Checkbox label="Padding" checked={padding} onChange={setPadding} />
            <Checkbox label="Wrap lines at 76 (MIME)" checked={wrap} onChange={setWrap} />
          </div>
        </fieldset>
      </div>

      <div
        className={`grid gap-4 lg:grid-cols-[1fr_auto_1fr] ${dragging ? 'rounded-lg outline-2 outline-accent outline-dashed' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
      >
        <div className="flex flex-col gap-2">
          <TextAreaField
            label="Input"
            value={text}
            onChange={(value) => {
              setFile(null);
              setText(value);
            }}
            rows={10}
            placeholder={
              mode === 'encode'
                ? 'Text to encode, or drop a file here'
                : 'Base64 or hex to decode, or drop a file here'
            }
            invalid={error !== null}
            describedBy={error ? errorId : undefined}
            actions={
              <>
                <label className="btn cursor-pointer focus-within:outline-3 focus-within:outline-accent">
                  Choose file
                  <input
                    key={fileInputKey}
                    type="file"
                    aria-label="File"
                    className="sr-only"
                    onChange={(event) => {
                      chooseFile(event.target.files?.[0]);
                    }}
                  />
                </label>
                <button
                  type="button"
                  className="btn"
                  onClick={clearInput}
                  disabled={!file && text === ''}
                >
                  Clear
                </button>
              </>
            }
            hint={
              file ? (
                <span>
                  Using the file <strong className="text-ink">{file.name}</strong> (
                  {formatByteSize(file.size)}
                  {file.type ? `, ${file.type}` : ''}). Typing here replaces it.
                </span>
              ) : (
                `${text.length.toLocaleString('en-US')} characters`
              )
            }
          />
          {error && <Alert id={errorId}>{error.message}</Alert>}
        </div>

        <div className="flex items-center justify-center">
          <button
            type="button"
            className="btn"
            onClick={swap}
            disabled={!converted}
            aria-label="Swap: use the output as input and switch mode"
          >
            ⇄ Swap
          </button>
        </div>

        <div className="flex flex-col gap-2">
          <TextAreaField
            label="Output"
            value={output?.shown ?? ''}
            copyValue={output?.full}
            readOnly
            rows={10}
            wrap={output?.binary ? 'off' : 'soft'}
            actions={
              <button type="button" className="btn" onClick={download} disabled={!converted}>
                Download
              </button>
            }
            hint={<OutputSummary converted={converted} shownLength={output?.shown.length ?? 0} />}
          />
        </div>
      </div>

      {state.status === 'working' && (
        <Progress done={state.done} total={state.total} onCancel={state.cancel} />
      )}
      {state.status === 'cancelled' && (
        <Note tone="info">Cancelled. Change the input or an option to run it again.</Note>
      )}
      {state.status === 'failed' && <Alert>The conversion could not finish: {state.message}</Alert>}

      {file && mode === 'encode' && <DataUrlField file={file} />}
    </div>
  );
}

/** The first PREVIEW_CHARS characters of text held in pieces, without joining all of them. */
function previewPieces(pieces: readonly string[]): string {
  let shown = '';
  for (const piece of pieces) {
    shown += piece.slice(0, PREVIEW_CHARS - shown.length);
    if (shown.length >= PREVIEW_CHARS) break;
  }
  return shown;
}

function OutputSummary({
  converted,
  shownLength,
}: {
  converted: Converted | null;
  shownLength: number;
}) {
  if (!converted) return null;
  if (converted.mode === 'encode') {
    const truncated = converted.length > shownLength;
    return (
      <span>
        {converted.length.toLocaleString('en-US')} characters.
        {truncated &&
          ` Showing the first ${shownLength.toLocaleString('en-US')}; Copy and Download take all of it.`}
      </span>
    );
  }
  if (converted.text !== null) {
    const truncated = converted.text.length > shownLength;
    return (
      <span>
        {fromDataUrl(converted.dataUrlType)}
        {formatByteSize(converted.bytes.length)}, valid UTF-8.
        {truncated &&
          ` Showing the first ${shownLength.toLocaleString('en-US')} characters; Copy and Download take all of it.`}
      </span>
    );
  }
  const dumped = Math.min(converted.bytes.length, PREVIEW_DUMP_BYTES);
  return (
    <span>
      {fromDataUrl(converted.dataUrlType)}
      {formatByteSize(converted.bytes.length)} that are not UTF-8 (first bad byte at offset{' '}
      {converted.invalidUtf8At}), shown as a hex dump
      {dumped < converted.bytes.length
        ? ` of the first ${formatByteSize(dumped)}; Download saves every byte.`
        : '.'}
    </span>
  );
}

function fromDataUrl(type: string | null): string {
  return type === null ? '' : `A data: URL of type ${type}, its prefix skipped: `;
}

function Progress({
  done,
  total,
  onCancel,
}: {
  done: number;
  total: number;
  onCancel: () => void;
}) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="card flex flex-wrap items-center gap-3">
      <label className="flex flex-1 items-center gap-3 text-sm">
        Working in the background…
        <progress
          className="h-2 flex-1"
          max={100}
          value={percent}
          aria-label="Conversion progress"
        />
        <span>{percent} %</span>
      </label>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function DataUrlField({ file }: { file: File }) {
  const [built, setBuilt] = useState<{ file: File; url: string } | null>(null);
  const automatic = file.size <= INLINE_DATA_URL_BYTES;
  // A data: URL needs standard, padded, unwrapped Base64, whatever the Output's options are.
  const build = useCallback(() => {
    void file.arrayBuffer().then((buffer) => {
      setBuilt({ file, url: createDataUrl(file.type, encodeBase64(new Uint8Array(buffer))) });
    });
  }, [file]);
  useEffect(() => {
    if (automatic) build();
  }, [automatic, build]);
  const url = built?.file === file ? built.url : '';
  return (
    <TextAreaField
      label="Data URL"
      value={previewPieces([url])}
      copyValue={url}
      readOnly
      rows={3}
      actions={
        automatic || url !== '' ? undefined : (
          <button type="button" className="btn" onClick={build}>
            Build data URL
          </button>
        )
      }
      hint={`data:${file.type || 'application/octet-stream'};base64,… for ${file.name}`}
    />
  );
}
