/** pdf.js's parser module ships without types; it is only imported for its side effect (see node.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
