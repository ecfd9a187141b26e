/**
 * Renderer entry: picks the host (Electron bridge or browser-mode HTTP), creates the document session and
 * mounts the app, in the interface language chosen first (preference, else the browser's languages). Without
 * a host (browser mode opened without its token) it shows why, in plain words.
 */
import 'prosemirror-view/style/prosemirror.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { pickHost } from './host/pick-host.js';
import { FolioSession } from './state/session.svelte.js';
import { currentTranslator, initUiLocale } from './state/i18n.svelte.js';
import { errorText } from './state/ui-message.js';

const target = document.getElementById('app');
if (!target) throw new RangeError('index.html lacks the #app element.');

initUiLocale(window);
try {
  const connection = pickHost(window);
  const session = new FolioSession(connection.host, connection.bridge, (work) => requestAnimationFrame(work));
  mount(App, { target, props: { session } });
} catch (err) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = errorText(err, currentTranslator());
  target.replaceChildren(message);
}
