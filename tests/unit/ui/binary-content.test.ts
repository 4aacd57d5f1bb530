import { describe, expect, it } from 'vitest';
import { downloadName, imageFits, MAX_IMAGE_PIXELS, safeMime } from '../../../src/ui/components/binary-content.js';

describe('binary content from a component', () => {
  it('names a download after the last part of the URI, with nothing a file system would read as a path or command', () => {
    expect(downloadName('file:///assets/logo.png')).toBe('logo.png');
    expect(downloadName('res://x/..%2F..%2F.bashrc')).toBe('bashrc');
    expect(downloadName('res://x/%E2%80%AEgpj.exe')).toBe('gpj.exe');
    expect(downloadName('res://x/a b<c>|d.txt')).toBe('a_b_c_d.txt');
    expect(downloadName('res://x/..\\..\\evil.bat')).toBe('evil.bat');
    expect(downloadName('res://x/.hidden')).toBe('hidden');
    expect(downloadName('res://x/' + 'a'.repeat(500))).toHaveLength(100);
    expect(downloadName('res:///')).toBe('resource');
    expect(downloadName('res://x/%')).toBe('resource');
  });

  it('keeps a plain MIME type and replaces anything that could change the data URL', () => {
    expect(safeMime('image/PNG')).toBe('image/png');
    expect(safeMime('image/svg+xml')).toBe('image/svg+xml');
    expect(safeMime(undefined)).toBe('application/octet-stream');
    expect(safeMime('text/html;base64,PHNjcmlwdD4')).toBe('application/octet-stream');
    expect(safeMime('image/png,x')).toBe('application/octet-stream');
  });

  it('shows images up to the pixel cap only', () => {
    expect(imageFits(4096, 4096)).toBe(true);
    expect(imageFits(4097, 4096)).toBe(false);
    expect(imageFits(MAX_IMAGE_PIXELS, 2)).toBe(false);
  });
});
