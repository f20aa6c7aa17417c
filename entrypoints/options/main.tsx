import { render } from 'preact';
import { PAGE_CSS } from '../../lib/present/styles';
import { App } from './App';
import './style.css';

const shared = document.createElement('style');
shared.textContent = PAGE_CSS;
document.head.prepend(shared);

render(<App />, document.getElementById('app')!);
