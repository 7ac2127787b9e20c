/** See static-files.mjs. */
export function staticFile(root: string, url: string | undefined): { body: Buffer; type: string } | undefined;
