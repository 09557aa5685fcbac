#ifndef KENSA_CYAML_SHIM_H
#define KENSA_CYAML_SHIM_H
#include <yaml.h>
#endif
