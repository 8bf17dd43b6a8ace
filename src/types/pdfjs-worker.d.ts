// PDF.js ships no types for its worker module; Grounded only hands it to PDF.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
