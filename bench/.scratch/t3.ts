import { francAll } from "franc-min";
import { generateArticle } from "/work/main/bench/text.ts";
const docs = Array.from({length: 400}, (_, i) => generateArticle(i).body.slice(0,1500));
const only = ["fra","eng","rus","ukr","kaz","deu","spa","ita","por","nld","vie","cmn","arb","tur","pol","ron","uzn"];
for (const [name, f] of [["full1500", (s:string)=>francAll(s,{minLength:20})], ["only17", (s:string)=>francAll(s,{minLength:20, only})], ["600", (s:string)=>francAll(s.slice(0,600),{minLength:20})]] as const) {
  for (const d of docs.slice(0,50)) f(d);
  const t = performance.now(); let fr=0; for (const d of docs) if (f(d)[0]![0]==="fra") fr++;
  console.log(name, ((performance.now()-t)/docs.length).toFixed(3), "ms/doc", fr);
}
