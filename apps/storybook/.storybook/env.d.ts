// Stylesheets imported for their side effect: Vite injects them into the preview.
declare module '*.css';
