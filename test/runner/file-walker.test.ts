import { strict as assert } from 'node:assert';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, parseConfig } from '../../src/analyzer/config';
import { collectFiles } from '../../src/runner/file-walker';
import { tempTree } from './temp-tree';

describe('runner: collectFiles', () => {
  const tree = tempTree({
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.mts': '',
    'src/d.cts': '',
    'src/e.js': '',
    'src/f.jsx': '',
    'src/g.mjs': '',
    'src/h.cjs': '',
    'src/types.d.ts': '',
    'src/module.d.mts': '',
    'src/readme.md': '',
    'src/data.json': '',
    'node_modules/pkg/index.js': '',
    'src/node_modules/inner/index.js': '',
    'dist/cli.js': '',
    'build/out.js': '',
    'coverage/x.js': '',
    '.next/server.js': '',
    '.gitignore': 'generated/\n*.tmp.ts\n/rootonly.ts\n',
    'generated/api.ts': '',
    'rootonly.ts': '',
    'nested/rootonly.ts': '',
    'src/x.tmp.ts': '',
    'pkg/.gitignore': 'local-*.ts\n!local-keep.ts\n',
    'pkg/local-a.ts': '',
    'pkg/local-keep.ts': '',
    'pkg/deeper/local-b.ts': '',
    'pkg/deeper/.gitignore': '!local-b.ts\n',
    'legacy/old.ts': '',
    'legacy/keep.ts': '',
    'src/schema.gen.ts': '',
  });
  after(() => tree.cleanup());

  async function walk(inputs: string[], config = defaultConfig()) {
    return collectFiles(tree.root, inputs.map((p) => path.join(tree.root, p)), config);
  }

  it('takes the eight source extensions and skips declarations, default directories and .gitignored paths', async () => {
    const { files, missing } = await walk(['.']);
    assert.deepEqual(missing, []);
    assert.deepEqual(
      files.map((f) => f.path),
      [
        'legacy/keep.ts',
        'legacy/old.ts',
        'nested/rootonly.ts',
        'pkg/deeper/local-b.ts',
        'pkg/local-keep.ts',
        'src/a.ts',
        'src/b.tsx',
        'src/c.mts',
        'src/d.cts',
        'src/e.js',
        'src/f.jsx',
        'src/g.mjs',
        'src/h.cjs',
        'src/schema.gen.ts',
      ],
    );
    assert.equal(files[0].absolutePath, path.join(tree.root, 'legacy', 'keep.ts'));
  });

  it('applies the configuration exclude to files and directories', async () => {
    const config = parseConfig('{"exclude": ["legacy/old.ts", "*.gen.ts", "pkg"]}', 'c.json');
    const { files } = await walk(['.'], config);
    assert.deepEqual(
      files.map((f) => f.path).filter((p) => !p.startsWith('src/') || p.includes('gen')),
      ['legacy/keep.ts', 'nested/rootonly.ts'],
    );
  });

  it('analyses explicit files even when ignored by default or by .gitignore, but not when excluded by config', async () => {
    const { files } = await walk(['dist/cli.js', 'generated/api.ts', 'src/types.d.ts', 'legacy/old.ts'], parseConfig('{"exclude": ["legacy/**"]}', 'c.json'));
    assert.deepEqual(files.map((f) => f.path), ['dist/cli.js', 'generated/api.ts', 'src/types.d.ts']);
  });

  it('walks an explicitly named default-ignored directory, with .gitignore below it still applying', async () => {
    const { files } = await walk(['node_modules']);
    assert.deepEqual(files.map((f) => f.path), ['node_modules/pkg/index.js']);
    assert.deepEqual((await walk(['pkg'])).files.map((f) => f.path), ['pkg/deeper/local-b.ts', 'pkg/local-keep.ts']);
  });

  it('reports missing paths and unsupported explicit files, and de-duplicates', async () => {
    const result = await walk(['nope', 'src/readme.md', 'src/a.ts', 'src', 'src/a.ts']);
    assert.deepEqual(result.missing.map((m) => path.relative(tree.root, m)), ['nope']);
    assert.deepEqual(result.unsupported.map((m) => path.relative(tree.root, m)), [path.join('src', 'readme.md')]);
    assert.equal(result.files.filter((f) => f.path === 'src/a.ts').length, 1);
  });

  it('does not follow symbolic links to directories', async () => {
    const linked = tempTree({ 'real/a.ts': '' });
    try {
      symlinkSync(path.join(linked.root, 'real'), path.join(linked.root, 'alias'), 'dir');
      symlinkSync(linked.root, path.join(linked.root, 'real', 'loop'), 'dir');
      const { files } = await collectFiles(linked.root, [linked.root], defaultConfig());
      assert.deepEqual(files.map((f) => f.path), ['real/a.ts']);
    } finally {
      linked.cleanup();
    }
  });
});
