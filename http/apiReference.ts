import { createRequire } from 'node:module';
import type { RequestHandler } from 'express';

/** Redoc's self-contained browser bundle, served from the installed package: the page needs no CDN and no network beyond this server. */
export const redocScriptPath = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');

const escaped = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The readable reference: one HTML page that has Redoc render `/openapi.json`. */
export const apiReferencePage = (title: string, scriptUrl: string): string =>
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped(title)} API reference</title>
</head>
<body>
<redoc spec-url="/openapi.json"></redoc>
<script src="${escaped(scriptUrl)}"></script>
</body>
</html>
`;

export const serveApiReference =
  (title: string, scriptUrl: string): RequestHandler =>
  (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(apiReferencePage(title, scriptUrl));
  };

export const serveRedocScript: RequestHandler = (_req, res, next) => {
  res.type('application/javascript').set('Cache-Control', 'public, max-age=86400');
  res.sendFile(redocScriptPath, (error) => error && next(error));
};
