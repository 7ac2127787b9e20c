/** See static-files.mjs. */
import type { IncomingMessage, ServerResponse } from 'node:http';
export const CORS_HEADERS: Readonly<Record<string, string>>;
export function staticFile(root: string, url: string | undefined): { body: Buffer; type: string } | undefined;
export function staticFileListener(
  root: string,
  extraHeaders?: Readonly<Record<string, string>>,
): (request: IncomingMessage, response: ServerResponse) => void;
