// The background-run family, exported as `Run` from `@platosdev/client/react`.
export { RunProgress as Progress, type RunProgressProps as ProgressProps } from './run-progress.js';
export { RunTray as Tray, RunTrayItem as TrayItem, type RunTrayProps as TrayProps, type RunTrayItemProps as TrayItemProps } from './run-tray.js';
