// Builds the tests' precompiled headers (tests/CMakeLists.txt, NR1_PCH); never run.
int main() {
    return 0;
}
