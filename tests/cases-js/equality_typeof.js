console.log(1 == '1', 1 === '1', null == undefined, null === undefined, NaN == NaN, [1] == 1, '' == 0);
console.log(typeof 1, typeof 'a', typeof true, typeof undefined, typeof null, typeof {}, typeof [], typeof (() => 1), typeof undeclared);
console.log(0 === -0, Object.is(0, -0), [] + [], [] + {}, 1 + true, '3' * '4', true + null);
