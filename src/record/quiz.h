/* quiz.h: "what happens next?" questions drawn from a recording.
 * Owns where questions are asked (before each stop, or before each print
 * when there are no stops), what each asks ("What prints next?", "Which
 * task runs line L next?", "What does the clock say when line L runs?")
 * and its choices: the true answer and up to three others from the same
 * run (other lines it prints, other tasks that exist then, other times
 * it reaches), placed by a hash of the step, so the same recording always
 * gives the same questions. No fixed question lists. Asking them is the
 * viewer's (view.c) and the quiz command's (main.c). */
#ifndef LS_QUIZ_H
#define LS_QUIZ_H

#include "rec.h"
#include "stops.h"

#include <stdio.h>

enum { QUIZ_CHOICES = 4 };

typedef enum QuizKind { QUIZ_PRINT, QUIZ_TASK, QUIZ_CLOCK } QuizKind;

typedef struct Question {
    size_t at;          /* the step it reveals: the view asks at at - 1 */
    QuizKind kind;
    int line;           /* the line asked about (task and clock questions) */
    char text[96];      /* the question */
    int n;              /* choices: 2 .. QUIZ_CHOICES */
    int answer;         /* 0-based index of the true one */
    char choice[QUIZ_CHOICES][120];
} Question;

typedef struct Quiz {
    Question *q;
    size_t n;
} Quiz;

/* The questions of rec (at its stops, or its prints when stops has none). */
void quiz_make(const Recording *rec, const Stops *stops, Quiz *out);
void quiz_free(Quiz *z);
/* The first question that reveals a step after from and at or before to,
 * or -1. */
long quiz_between(const Quiz *z, size_t from, size_t to);
/* The handout: numbered questions with their choices, then the answer key;
 * or the same as JSON. */
void quiz_write_text(const Quiz *z, const char *title, FILE *out);
void quiz_write_json(const Quiz *z, const char *title, FILE *out);

#endif
