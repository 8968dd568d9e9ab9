/* Two timers, the shorter first
 * setTimeout callbacks run in deadline order.
 */
setTimeout(() => console.log("late"), 20);
setTimeout(() => console.log("early"), 10);
