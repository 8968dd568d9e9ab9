setTimeout(() => { throw { code: 1 }; }, 0);
