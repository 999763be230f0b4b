/**
 * The multipart body of a CSV upload, streamed from disk: `fs.openAsBlob` gives a
 * file-backed Blob (no bytes read yet), and undici's FormData reads it chunk by chunk as
 * the socket drains. The file part reports each chunk it hands over, which drives the
 * progress callback and the upload's idle timeout.
 */
import { openAsBlob } from 'node:fs';
import { FormData } from 'undici';

/**
 * A File whose stream() counts bytes as undici pulls them. It must be a real File
 * (undici keeps File instances as they are and re-wraps anything else).
 */
class CountingFile extends File {
  constructor(blob: Blob, name: string, type: string, private readonly onChunk: (bytes: number) => void) {
    super([blob], name, { type });
  }

  override stream(): ReadableStream<Uint8Array> {
    const onChunk = this.onChunk;
    const reader = super.stream().getReader();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        onChunk(value.byteLength);
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
  }
}

export interface UploadSource {
  readonly size: number;
  /** A fresh body for one attempt; `onChunk` gets the size of each file chunk sent. */
  form(onChunk: (bytes: number) => void): FormData;
}

export async function openUploadSource(filePath: string, fileName: string, fileType: string, fileField: string, fields: Readonly<Record<string, string>>): Promise<UploadSource> {
  const blob = await openAsBlob(filePath, { type: fileType });
  return {
    size: blob.size,
    form(onChunk) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append(fileField, new CountingFile(blob, fileName, fileType, onChunk));
      return form;
    },
  };
}
