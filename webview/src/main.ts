import './viewer.css';
import { onHostMessage, vscodeApi } from './vscodeApi';
import { renderWelcome } from './welcome';

const app = document.getElementById('app');

onHostMessage((message) => {
  app?.replaceChildren(renderWelcome(message.extensionVersion));
});

vscodeApi.postMessage({ type: 'ready' });
