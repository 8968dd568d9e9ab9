/* klass.h: user-defined classes (the `class` statement) and their instances.
 * Owns: heap classes (UserClass) built from a class body's namespace, with
 * the checks on their bases and special methods; instances (InstanceObj, or
 * an ExcObj for exception subclasses) and their attributes; the descriptor
 * types staticmethod, classmethod and property; super(); NotImplemented;
 * and the dispatch to user-defined special methods (__str__, __eq__,
 * __len__, ...) that obj.c, ops.c, iter.c and vm.c call where CPython
 * would. Operators on built-in values stay in ops.c.
 * Every function here that takes an object of a heap class may call back
 * into Python, so it may raise. */
#ifndef LS_KLASS_H
#define LS_KLASS_H

#include "../front/ast.h"
#include "obj.h"

typedef struct UserClass {
    Class cls;            /* cls.heap is true; cls.name points into name */
    Obj *name, *qualname; /* str */
    Obj *module;          /* str: the defining module's __name__ ("__main__") */
} UserClass;

/* An instance of a user class that does not derive from an exception (those
 * are ExcObj, with their instance dict in ExcObj.attrs), or of object. */
typedef struct InstanceObj {
    Obj hdr;
    Obj *dict;            /* instance attributes, or NULL */
    uint64_t serial;      /* for the default repr's deterministic "address" */
} InstanceObj;

extern Class StaticMethodClass, ClassMethodClass, PropertyClass, SuperClass;
extern Obj *NotImplemented;

/* Register the descriptor types, super, object, NotImplemented and the
 * __init__/__str__/__repr__ of object and BaseException in the builtins. */
void klass_init(Obj *builtins);

/* The class statement: a new class named name (qualname: its __qualname__)
 * with the given base (NULL: object) and the namespace ns its body filled
 * (borrowed, copied; ns["__module__"] names the defining module). NULL with
 * TypeError for a base loopscope does not support. */
Obj *klass_new(Obj *name, Obj *qualname, Obj *base, Obj *ns);

/* v found in the dict of a class on self's class chain: what `self.attr`
 * gives (a bound method, the getter's result for a property ...). New ref. */
Obj *klass_bind(Obj *v, Obj *self);
/* v found in the dict of class c (or its bases): what `c.attr` gives. */
Obj *klass_class_attr(Class *c, Obj *v);
/* __qualname__ / __module__ of a class (built-in ones: name, "builtins"). */
Obj *klass_qualname(Class *c);
Obj *klass_module(Class *c);

/* Instance attributes (Class.getattr of heap classes) and assignment. */
Obj *klass_getattr(Obj *o, Obj *name);
/* Set (v != NULL) or delete (v == NULL) attribute name of o, an instance of
 * a heap class or a heap class itself. */
int klass_setattr(Obj *o, Obj *name, Obj *v);

/* ---- special methods; all take objects of heap classes ---- */

#define KLASS_NONE (-2) /* the class does not define the special method */

/* The user-defined special method name on o's class chain (borrowed), or
 * NULL; stops at the first built-in class. */
Obj *klass_special(Obj *o, const char *name);
/* Call o.name(args...) for a special method found by klass_special. */
Obj *klass_call_special(Obj *o, const char *name, Obj **args, int nargs);
/* For a class object o (a class statement's class): what iterating over the
 * class gives, from `__class_iter__` on its class chain, a library hook that
 * stands in for a metaclass's __iter__ (enum's members). A new reference,
 * NULL with an exception, or NULL without one when there is no hook. */
Obj *klass_class_iter(Obj *o);
/* callable(o) for an instance of a heap class. */
bool klass_callable(Obj *o);
/* While quiet (calls nest), str() and repr() ignore user-defined __str__ and
 * __repr__: src/sim labels values for the recording this way, running no
 * scenario code (which could print or change state) where CPython runs none. */
void klass_quiet(bool on);
/* str()/repr() through __str__/__repr__: 0, -1 on error, KLASS_NONE. */
int klass_text(Obj *o, const char *dunder, Buf *out);
/* The default repr of an InstanceObj: "<__main__.Client object at
 * 0x7f0000000030>", "<object object at ...>". The address is a serial
 * number of that shape: CPython's real one is not reproducible. */
void klass_default_repr(Obj *o, Buf *out);
/* a op b for OP_EQ..OP_GE when either is of a heap class: 1, 0, -1. */
int klass_compare(Op op, Obj *a, Obj *b);
/* hash(o) through __hash__: false when the class defines none (identity
 * hash); else true with *out set, -1 with TypeError when unhashable. */
bool klass_hash(Obj *o, int64_t *out);
int klass_truth(Obj *o);         /* __bool__, then __len__; else 1 */
int64_t klass_len(Obj *o);       /* -1 on error; KLASS_NONE */
int klass_contains(Obj *o, Obj *item); /* 1, 0, -1; KLASS_NONE */
Obj *klass_iter(Obj *o);         /* iter(o) through __iter__, or NULL */
/* next(o) through __next__: new ref; NULL at the end (no exception) or on
 * error (exception set). */
Obj *klass_next(Obj *o);
bool klass_is_iterator(Obj *o);

#endif
