import { contextBridge, ipcRenderer } from 'electron';
import { createDeskApi } from './desk-api';

// The page gets window.desk and nothing else: no ipcRenderer, no Node.
contextBridge.exposeInMainWorld('desk', createDeskApi(ipcRenderer));
