/** `sohoa dict learn`: build a user overlay language model from clean documents. */
export async function runDictLearnCommand(folder: string, opts: { out: string }): Promise<number> {
  const { learnOverlay } = await import('../restore/overlay.ts');
  const summary = await learnOverlay(folder, opts.out);
  for (const s of summary.skipped) process.stderr.write(`  skipped ${s.file}: ${s.reason}\n`);
  process.stderr.write(`sohoa dict learn: ${summary.documents} documents, ${summary.syllables} syllables → ${opts.out}\n`);
  return 0;
}
