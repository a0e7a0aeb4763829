import{a}from"./chunk-7BQNLB6Y.js";import"./chunk-UWHGDA3P.js";export{a as WebGLDevice};
