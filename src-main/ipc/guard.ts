/**
 * Who may talk to the main process: only the top frame of our own renderer. Pure functions over the
 * shape of Electron's IPC event (no `electron` import), so they are unit-tested in plain Node.
 *
 * 1. The sender frame must exist and be the web contents' main frame (no sub-frames, no iframes).
 * 2. Its URL must be our renderer: the built index.html (file://, exact path) or the dev server's origin.
 */
import { pathToFileURL } from 'node:url';

/** The parts of a WebFrameMain the guard reads. */
export interface FrameLike {
  url: string;
}

/** The parts of an IpcMainEvent / IpcMainInvokeEvent the guard reads. */
export interface IpcEventLike {
  senderFrame: FrameLike | null;
  sender: { mainFrame: FrameLike };
}

/** Where our renderer lives. */
export interface RendererLocation {
  /** Absolute path of out/renderer/index.html (production). */
  indexHtmlPath: string;
  /** The electron-vite dev server URL (development only), e.g. http://localhost:5173. */
  devServerUrl?: string;
}

/** Returns a predicate telling whether a URL is our renderer's page. */
export function createRendererTrust(location: RendererLocation): (url: string) => boolean {
  const indexUrl = pathToFileURL(location.indexHtmlPath);
  const devOrigin = location.devServerUrl ? new URL(location.devServerUrl).origin : undefined;
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.protocol === 'file:') return url.host === indexUrl.host && url.pathname === indexUrl.pathname;
    return devOrigin !== undefined && url.origin === devOrigin;
  };
}

/** Why an IPC message is refused, or null when its sender is our renderer's top frame. */
export function refuseSender(event: IpcEventLike, isTrusted: (url: string) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'The sending frame is gone.';
  if (frame !== event.sender.mainFrame) return 'Messages from sub-frames are refused.';
  if (!isTrusted(frame.url)) return `Messages from ${frame.url.slice(0, 120)} are refused: only Folio's own page may call the shell.`;
  return null;
}
