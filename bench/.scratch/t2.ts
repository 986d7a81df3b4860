import { generateArticle } from "../text.ts";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
const docs = Array.from({length: 1500}, (_, i) => generateArticle(i));
for (let i=0;i<200;i++){ const g=docs[i]!; analyzeDocument({text:g.body,title:g.title,publishedAt:g.published}); }
let t = performance.now(); for (const g of docs){ analyzeDocument({text:g.body,title:g.title,publishedAt:g.published}); } console.log("analyze/s", docs.length/((performance.now()-t)/1000));
