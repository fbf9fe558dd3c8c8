/**
 * Multipart uploads, streamed to a temporary file with busboy (the engine reads files twice: validate, then
 * write, so the upload must land on disk; it never sits in memory). The temporary file is removed by the caller.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { errors } from '../../errors.js';

export const UPLOAD_DIR = path.join(os.tmpdir(), 'moneytrail-uploads');
export const REJECTS_DIR = path.join(os.tmpdir(), 'moneytrail-rejects');
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export interface Upload {
  path: string;
  fileName: string;
  bytes: number;
  fields: Record<string, string>;
  remove(): Promise<void>;
}

export async function receiveUpload(req: Request): Promise<Upload> {
  if (!req.is('multipart/form-data')) throw errors.badRequest('send the file as multipart/form-data with a "file" field');
  await mkdir(UPLOAD_DIR, { recursive: true });
  const target = path.join(UPLOAD_DIR, `${Date.now()}-${randomBytes(6).toString('hex')}`);
  const fields: Record<string, string> = {};
  let fileName: string | null = null;
  let bytes = 0;
  let truncated = false;
  let writing: Promise<void> | null = null;
  const remove = () => rm(target, { force: true });
  try {
    const bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 100_000, fileSize: MAX_UPLOAD_BYTES } });
    await new Promise<void>((resolve, reject) => {
      bb.on('field', (name, value) => (fields[name] = value));
      bb.on('file', (name, stream, info) => {
        if (name !== 'file') {
          stream.resume();
          return;
        }
        fileName = path.basename(info.filename || 'upload');
        stream.on('data', (c: Buffer) => (bytes += c.length));
        stream.on('limit', () => (truncated = true));
        writing = pipeline(stream, createWriteStream(target));
        writing.catch(reject);
      });
      bb.on('error', reject);
      bb.on('close', () => resolve());
      req.pipe(bb);
    });
    if (writing) await writing;
  } catch (err) {
    await remove();
    throw errors.badRequest(`the upload could not be read: ${(err as Error).message}`);
  }
  if (!fileName) {
    await remove();
    throw errors.badRequest('the upload has no "file" field');
  }
  if (truncated) {
    await remove();
    throw errors.payloadTooLarge();
  }
  return { path: target, fileName, bytes, fields, remove };
}
