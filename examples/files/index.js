// The "files" component: world `files` of ../plain-wit/plain.wit. It does not
// implement wasi:mcp; the host serves `list-directory` and `read-file` as
// tools. It sees only the directories the host grants it (wasi-mcp serve
// --dir), by their guest paths.
//
// Built with componentize-js (SpiderMonkey). An error is thrown as a string,
// which the bindings return as the `err` of the function's result.
import { getDirectories } from 'wasi:filesystem/preopens@0.2.3';

const decoder = new TextDecoder();

/** The `err` of a failed WASI import in words: componentize-js throws an Error whose `payload` it is. */
function reason(e) {
  const v = e !== null && typeof e === 'object' && 'payload' in e ? e.payload : e;
  return typeof v === 'string' ? v : String(v);
}

/** Frees an owned WASI resource now rather than whenever the garbage collector runs. */
function dispose(resource) {
  if (resource != null && typeof resource[Symbol.dispose] === 'function') resource[Symbol.dispose]();
}

/** [descriptor, relative path] for an absolute guest path, by the longest preopen that contains it. */
function resolve(path) {
  if (!path.startsWith('/')) throw `not an absolute path: ${path}`;
  let best;
  for (const [descriptor, guestPath] of getDirectories()) {
    const root = guestPath.endsWith('/') ? guestPath : guestPath + '/';
    if ((path === guestPath || path.startsWith(root)) && (!best || guestPath.length > best[1].length)) best = [descriptor, guestPath];
  }
  if (!best) throw `no granted directory holds ${path}`;
  const rest = path.slice(best[1].length).replace(/^\/+/, '');
  return [best[0], rest === '' ? '.' : rest];
}

function concat(chunks, total) {
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

export function listDirectory(path) {
  const [dir, rel] = resolve(path);
  let target;
  let stream;
  try {
    target = rel === '.' ? dir : dir.openAt({ symlinkFollow: true }, rel, { directory: true }, { read: true });
    stream = target.readDirectory();
    const names = [];
    for (let entry = stream.readDirectoryEntry(); entry !== undefined; entry = stream.readDirectoryEntry()) names.push(entry.name);
    return names.sort();
  } catch (e) {
    throw typeof e === 'string' ? e : `cannot list ${path}: ${reason(e)}`;
  } finally {
    dispose(stream);
    if (target !== dir) dispose(target);
  }
}

export function readFile(path) {
  const [dir, rel] = resolve(path);
  let file;
  let stream;
  try {
    file = dir.openAt({ symlinkFollow: true }, rel, {}, { read: true });
    if (file.getType() === 'directory') throw `cannot read ${path}: is-directory`;
    // Through a stream with blocking-read, as C and Rust programs read files: a host with JSPI
    // suspends the component in that call, so this function must be entered as a promising export.
    stream = file.readViaStream(0n);
    const chunks = [];
    let total = 0;
    for (;;) {
      let bytes;
      try {
        bytes = stream.blockingRead(65536n);
      } catch (e) {
        const v = e !== null && typeof e === 'object' && 'payload' in e ? e.payload : e;
        if (v?.tag === 'closed') break;
        throw e;
      }
      chunks.push(bytes);
      total += bytes.length;
    }
    return decoder.decode(concat(chunks, total));
  } catch (e) {
    throw typeof e === 'string' ? e : `cannot read ${path}: ${reason(e)}`;
  } finally {
    dispose(stream);
    dispose(file);
  }
}
