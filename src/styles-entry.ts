// Builds `@platosdev/client/styles.css`: the library build's only CSS input; its empty JS output is not shipped.
import './components/styles/index.css';
