// The one source of the tests' precompiled-header targets (tests/CMakeLists.txt): CMake builds
// a target's precompiled header only for a target with a source. Nothing else is here.
