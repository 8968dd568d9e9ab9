"""json: dumps with CPython's default formatting, loads, JSONDecodeError."""
import asyncio
import json


async def main():
    data = {"name": "Ada", "langs": ["py", "js"], "age": 36, "ratio": 0.5, "ok": True,
            "none": None, "nested": {"k": [1, 2.5, {"x": "y"}]}, "uni": "café ✓", "esc": 'q"\n\t\\'}
    s = json.dumps(data)
    print(s)
    print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
    print(json.dumps([1, 2], separators=(",", ":")), json.dumps({1: "a", True: "b"}), json.dumps("x"))
    back = json.loads(s)
    print(back == data, back["nested"]["k"][1], type(back["age"]).__name__)
    print(json.loads('[1e3, -0.25, 12, "\\u00e9\\ud83d\\ude00", {}, [], null]'))
    for bad in ('{"a": 1,}', '[1, 2', '{"a" 1}', 'nul', '"abc'):
        try:
            json.loads(bad)
        except json.JSONDecodeError as e:
            print(type(e).__name__, e)
    try:
        json.dumps({"s": {1, 2}})
    except TypeError as e:
        print(e)
    await asyncio.sleep(0)


asyncio.run(main())
