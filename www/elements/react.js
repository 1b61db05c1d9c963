// cchc-progress/elements/react: types only (react.d.ts) — the JSX declarations of the three
// elements. This empty module lets `import 'cchc-progress/elements/react'` resolve at run time too.
export {};
