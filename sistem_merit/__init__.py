"""The merit-system index (penilaian sistem merit): the instrument as data, the evidence the
system's own data gives for each criterion, HR's assessment of a year, and its public face."""
