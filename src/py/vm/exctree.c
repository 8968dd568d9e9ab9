/* exctree.c: the rest of CPython's built-in exception hierarchy, with
 * CPython 3.11's bases (ConnectionError and its subclasses, EOFError,
 * FileNotFoundError, ImportError, the Warning classes, ...), and the
 * aliases IOError and EnvironmentError. Owns only these class records;
 * the exceptions loopscope raises itself live in objects/obj.c, and their
 * constructor and attributes in builtins.c, which hands them in. */
#include "builtins.h"

#include "../objects/obj.h"

#define XC(var, nm, b) static Class var = {.name = nm, .kind = K_EXC, .base = b, .size = sizeof(ExcObj), \
                                           .is_exception = true, .builtin = true}

XC(FloatingPointErrorClass, "FloatingPointError", &ArithmeticErrorClass);
XC(BufferErrorClass, "BufferError", &ExceptionClass);
XC(EOFErrorClass, "EOFError", &ExceptionClass);
Class ImportErrorClass = {.name = "ImportError", .kind = K_EXC, .base = &ExceptionClass, .size = sizeof(ExcObj),
                         .is_exception = true, .builtin = true};
Class ModuleNotFoundErrorClass = {.name = "ModuleNotFoundError", .kind = K_EXC, .base = &ImportErrorClass,
                                  .size = sizeof(ExcObj), .is_exception = true, .builtin = true};
XC(BlockingIOErrorClass, "BlockingIOError", &OSErrorClass);
XC(ChildProcessErrorClass, "ChildProcessError", &OSErrorClass);
XC(ConnectionErrorClass, "ConnectionError", &OSErrorClass);
XC(BrokenPipeErrorClass, "BrokenPipeError", &ConnectionErrorClass);
XC(ConnectionAbortedErrorClass, "ConnectionAbortedError", &ConnectionErrorClass);
XC(ConnectionRefusedErrorClass, "ConnectionRefusedError", &ConnectionErrorClass);
XC(ConnectionResetErrorClass, "ConnectionResetError", &ConnectionErrorClass);
XC(FileExistsErrorClass, "FileExistsError", &OSErrorClass);
XC(FileNotFoundErrorClass, "FileNotFoundError", &OSErrorClass);
XC(InterruptedErrorClass, "InterruptedError", &OSErrorClass);
XC(IsADirectoryErrorClass, "IsADirectoryError", &OSErrorClass);
XC(NotADirectoryErrorClass, "NotADirectoryError", &OSErrorClass);
XC(PermissionErrorClass, "PermissionError", &OSErrorClass);
XC(ProcessLookupErrorClass, "ProcessLookupError", &OSErrorClass);
XC(ReferenceErrorClass, "ReferenceError", &ExceptionClass);
XC(SyntaxErrorClass, "SyntaxError", &ExceptionClass);
XC(IndentationErrorClass, "IndentationError", &SyntaxErrorClass);
XC(TabErrorClass, "TabError", &IndentationErrorClass);
XC(SystemErrorClass, "SystemError", &ExceptionClass);
/* raised by objects/bytes.c's codecs (declared in bytes.h) */
Class UnicodeDecodeErrorClass = {.name = "UnicodeDecodeError", .kind = K_EXC, .base = &UnicodeErrorClass,
                                 .size = sizeof(ExcObj), .is_exception = true, .builtin = true};
Class UnicodeEncodeErrorClass = {.name = "UnicodeEncodeError", .kind = K_EXC, .base = &UnicodeErrorClass,
                                 .size = sizeof(ExcObj), .is_exception = true, .builtin = true};
XC(UnicodeTranslateErrorClass, "UnicodeTranslateError", &UnicodeErrorClass);
XC(WarningClass, "Warning", &ExceptionClass);
XC(BytesWarningClass, "BytesWarning", &WarningClass);
XC(DeprecationWarningClass, "DeprecationWarning", &WarningClass);
XC(EncodingWarningClass, "EncodingWarning", &WarningClass);
XC(FutureWarningClass, "FutureWarning", &WarningClass);
XC(ImportWarningClass, "ImportWarning", &WarningClass);
XC(PendingDeprecationWarningClass, "PendingDeprecationWarning", &WarningClass);
XC(ResourceWarningClass, "ResourceWarning", &WarningClass);
XC(RuntimeWarningClass, "RuntimeWarning", &WarningClass);
XC(SyntaxWarningClass, "SyntaxWarning", &WarningClass);
XC(UnicodeWarningClass, "UnicodeWarning", &WarningClass);
XC(UserWarningClass, "UserWarning", &WarningClass);

void exctree_init(Obj *builtins_dict, CFunc ctor, Obj *(*getattr)(Obj *, Obj *))
{
    /* bases before subclasses: each copies its base's release and repr */
    Class *all[] = {
        &FloatingPointErrorClass, &BufferErrorClass, &EOFErrorClass, &ImportErrorClass,
        &ModuleNotFoundErrorClass, &BlockingIOErrorClass, &ChildProcessErrorClass, &ConnectionErrorClass,
        &BrokenPipeErrorClass, &ConnectionAbortedErrorClass, &ConnectionRefusedErrorClass,
        &ConnectionResetErrorClass, &FileExistsErrorClass, &FileNotFoundErrorClass, &InterruptedErrorClass,
        &IsADirectoryErrorClass, &NotADirectoryErrorClass, &PermissionErrorClass, &ProcessLookupErrorClass,
        &ReferenceErrorClass, &SyntaxErrorClass, &IndentationErrorClass, &TabErrorClass, &SystemErrorClass,
        &UnicodeDecodeErrorClass, &UnicodeEncodeErrorClass, &UnicodeTranslateErrorClass, &WarningClass,
        &BytesWarningClass, &DeprecationWarningClass, &EncodingWarningClass, &FutureWarningClass,
        &ImportWarningClass, &PendingDeprecationWarningClass, &ResourceWarningClass, &RuntimeWarningClass,
        &SyntaxWarningClass, &UnicodeWarningClass, &UserWarningClass,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        Class *c = all[i];
        class_init(c);
        c->repr = c->base->repr;
        c->ctor = ctor;
        c->getattr = getattr;
        dict_set_c(builtins_dict, c->name, (Obj *)c);
    }
    dict_set_c(builtins_dict, "IOError", (Obj *)&OSErrorClass);
    dict_set_c(builtins_dict, "EnvironmentError", (Obj *)&OSErrorClass);
}
