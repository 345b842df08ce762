/** Popup entry: mounts the Preact app. */
import { render } from 'preact';
import { Popup } from './Popup.tsx';
import '../ui/theme.css';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
