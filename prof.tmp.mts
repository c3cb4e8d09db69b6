const { extract } = await import("/work/main/app/claims/extract.ts");
const { SHAPES } = await import("/work/main/app/claims/shapes.ts");
const d = (SHAPES as any)[process.argv[2]!](500000);
const s = performance.now(); extract(d); console.log(process.argv[2], (performance.now() - s).toFixed(0), "ms");
