const a=process.memoryUsage().rss; const c = await import('chrono-node/fr'); console.log(Object.keys(c).slice(0,20)); console.log('chrono-node/fr', ((process.memoryUsage().rss-a)/1048576).toFixed(1))
