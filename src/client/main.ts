import './style.css'
import './game.css'
import './cards.css'
import './debrief.css'
import { startApp } from './app.ts'
import { loadCatalogue } from './scenarios.ts'

/** Entry point of the plain HTML game: loads the bundled scenarios and seeds, then mounts the app. */
const root = document.getElementById('app')
if (root) startApp(root, loadCatalogue())
