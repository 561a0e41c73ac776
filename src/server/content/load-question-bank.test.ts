import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQuestionBank } from './load-question-bank.ts';

const question = (id: string, grow: string) => `questions:
  - id: ${id}
    text: What would you do if this were your company?
    grow: ${grow}
    category: ownership
`;

const folders: string[] = [];
async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-questions-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('loadQuestionBank', () => {
  it('reads the shipped bank from content/questions and keeps it for later calls', async () => {
    const bank = await loadQuestionBank();
    expect(bank.length).toBeGreaterThanOrEqual(150);
    expect(await loadQuestionBank()).toBe(bank);
  });

  it("adds an organization's own file beside the shipped ones and skips other files", async () => {
    const folder = await folderWith({
      'ownership.yaml': question('owner-question', 'options'),
      'acme.yml': question('acme-owner-question', 'goal'),
      'README.md': '# not questions',
    });
    const bank = await loadQuestionBank(folder);
    expect(bank.map((q) => q.id)).toEqual(['acme-owner-question', 'owner-question']);
  });

  it('rejects an invalid bank, and reads the folder again once it is fixed', async () => {
    const folder = await folderWith({ 'broken.yaml': question('broken', 'action') });
    await expect(loadQuestionBank(folder)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await writeFile(path.join(folder, 'broken.yaml'), question('broken', 'will'));
    expect((await loadQuestionBank(folder)).map((q) => q.id)).toEqual(['broken']);
  });

  it('reports a missing folder as an internal error that keeps its cause', async () => {
    const missing = path.join(tmpdir(), 'tandem-questions-missing-folder');
    const error = await loadQuestionBank(missing).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
  });
});
