// Entry of the mapping screen bundle; replaced by the webview implementation.
export {};
